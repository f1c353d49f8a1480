"""The build machinery: engines (where pages are extracted), the manifest and
page results (what a build remembers), shards and the Oxigraph store, and the
builder that runs the passes."""
