// unionkg explorer: search, entity pages, articles and a query tab over this server's /api and /sparql.
"use strict";

const $ = (id) => document.getElementById(id);
const views = ["search-view", "entity-view", "article-view", "query-view"];
const typeNames = { union: "工会", organization: "单位", person: "人物", group: "群体" };

function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
const entityLink = (iri, label) => `<a href="#/entity/${encodeURIComponent(iri)}">${esc(label)}</a>`;
const articleLink = (iri, label) => `<a href="#/article/${encodeURIComponent(iri)}">${esc(label || "文章 article")}</a>`;
const yuan = (value) => value == null ? "" : Number(value).toLocaleString("zh-CN") + " 元";

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function show(view) {
  for (const id of views) $(id).hidden = id !== view;
}

// ---------------------------------------------------------------- search, as you type
let searchTimer = null;
let searchSerial = 0;
$("search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(runSearch, 150);
});

async function runSearch() {
  const text = $("search").value.trim();
  const serial = ++searchSerial;
  if (!text) { $("results").innerHTML = ""; return; }
  try {
    const found = await getJSON(`/api/search?q=${encodeURIComponent(text)}`);
    if (serial !== searchSerial) return; // a newer search is on its way
    $("results").innerHTML = found.length ? found.map((r) =>
      `<li><span class="type ${r.type}">${typeNames[r.type] || r.type}</span>${entityLink(r.iri, r.label)}</li>`).join("")
      : "<li>没有结果 · nothing found</li>";
  } catch (error) {
    $("results").innerHTML = `<li class="error">${esc(error.message)}</li>`;
  }
}

// ---------------------------------------------------------------- an entity
function eventsTable(events) {
  if (!events.length) return "<p>无 · none</p>";
  const rows = events.map((e) => `<tr>
    <td>${esc(e.relation)}</td><td>${e.role === "agent" ? "发起 by" : "接受 to"}</td>
    <td>${e.counterparts.map((c) => entityLink(c.iri, c.label)).join("、")}</td>
    <td>${esc(e.date || "")}</td><td class="amount">${yuan(e.amount)}</td>
    <td><div class="evidence">${esc(e.evidence)}</div>${articleLink(e.article, e.headline)}
      ${e.url ? ` · <a href="${esc(e.url)}" rel="noopener">原文 source</a>` : ""}</td></tr>`).join("");
  return `<table><thead><tr><th>事件 event</th><th>角色 role</th><th>对方 counterpart</th><th>日期 date</th>
    <th>金额 amount</th><th>原句 evidence</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function positionsTable(positions, heading) {
  if (!positions.length) return "";
  const rows = positions.map((p) => `<tr><td>${entityLink(p.iri, p.label)}</td><td>${esc(p.title)}</td>
    <td><div class="evidence">${esc(p.evidence)}</div>${articleLink(p.article)}</td></tr>`).join("");
  return `<h3>${heading}</h3><table class="positions"><thead><tr><th>名称 name</th><th>职务 title</th>
    <th>原句 evidence</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function bars(items, labelOf) {
  if (!items.length) return "<p>无 · none</p>";
  const top = Math.max(...items.map((i) => i.total), 1);
  return `<div class="bars">${items.map((i) => `<div><span class="label">${esc(labelOf(i))}</span>
    <span class="bar" style="width:${Math.max(2, 360 * i.total / top)}px"></span>
    <span class="value">${yuan(i.total)}</span></div>`).join("")}</div>`;
}

function dashboard(d) {
  if (!d) return "";
  return `<h3>工会概览 · union dashboard</h3><div class="columns">
    <div><h4>每年拨付 · allocated per year</h4>${bars(d.per_year, (i) => i.year === "?" ? "年份不详 · undated" : i.year)}</div>
    <div><h4>按群体 · per beneficiary group</h4>${bars(d.per_group, (i) => i.group)}</div>
    <div><h4>慰问与帮扶对象 · reached</h4><p>${d.reached.map((r) => entityLink(r.iri, r.label)).join("、") || "无 · none"}</p></div>
  </div>`;
}

async function showEntity(iri) {
  show("entity-view");
  const view = $("entity-view");
  view.innerHTML = "<p>加载中 · loading…</p>";
  try {
    const e = await getJSON(`/api/entity?iri=${encodeURIComponent(iri)}`);
    view.innerHTML = `<h2><span class="type ${e.type}">${typeNames[e.type] || e.type}</span>${esc(e.label)}</h2>
      ${e.aliases.length ? `<p>又称 · also: ${e.aliases.map(esc).join("、")}</p>` : ""}
      ${dashboard(e.dashboard)}
      ${positionsTable(e.holders, "任职人员 · officials")}
      ${positionsTable(e.held, "担任职务 · positions held")}
      <h3>慰问与拨付 · visits and allocations</h3>${eventsTable(e.events)}
      <h3>关系图 · neighbourhood</h3>
      <div class="neighbourhood"><img alt="neighbourhood of ${esc(e.label)}"
        src="/api/neighbourhood.svg?iri=${encodeURIComponent(iri)}"></div>`;
  } catch (error) {
    view.innerHTML = `<p class="error">${esc(error.message)}</p>`;
  }
}

// ---------------------------------------------------------------- an article
async function showArticle(iri) {
  show("article-view");
  const view = $("article-view");
  try {
    const a = await getJSON(`/api/article?iri=${encodeURIComponent(iri)}`);
    view.innerHTML = `<h2>${esc(a.headline || "（无标题 untitled）")}</h2>
      <p>${esc(a.source)}${a.published ? " · " + esc(a.published) : ""}
      ${a.url ? ` · <a href="${esc(a.url)}" rel="noopener">${esc(a.url)}</a>` : ""}</p>
      <table><thead><tr><th>事实 fact</th><th>原句 evidence</th></tr></thead><tbody>
      ${a.facts.map((f) => `<tr><td>${esc(f.relation)}</td><td class="evidence">${esc(f.evidence)}</td></tr>`).join("")}
      </tbody></table>`;
  } catch (error) {
    view.innerHTML = `<p class="error">${esc(error.message)}</p>`;
  }
}

// ---------------------------------------------------------------- queries
async function loadExamples() {
  const examples = await getJSON("/api/examples");
  $("examples").innerHTML = "示例 · examples: " + examples.map((x, i) =>
    `<button data-example="${i}" title="${esc(x.name)}">${esc(x.title)}</button>`).join("");
  $("examples").onclick = (event) => {
    const index = event.target.dataset.example;
    if (index !== undefined) { $("sparql").value = examples[index].query; runQuery(); }
  };
  if (!$("sparql").value) $("sparql").value = examples[0]?.query || "";
}

async function runQuery() {
  $("query-status").textContent = "运行中 · running…";
  const started = performance.now();
  const response = await fetch("/sparql", {
    method: "POST", body: new URLSearchParams({ query: $("sparql").value }),
    headers: { Accept: "application/sparql-results+json" },
  });
  const text = await response.text();
  if (!response.ok) {
    $("query-status").textContent = "";
    $("query-result").innerHTML = `<p class="error">${response.status}: ${esc(text)}</p>`;
    return;
  }
  const data = JSON.parse(text);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if ("boolean" in data) {
    $("query-result").innerHTML = `<p>${data.boolean}</p>`;
  } else {
    const vars = data.head.vars;
    const rows = data.results.bindings;
    $("query-result").innerHTML = `<table id="result-table"><thead><tr>${vars.map((v) => `<th>${esc(v)}</th>`).join("")}</tr></thead>
      <tbody>${rows.map((b) => `<tr>${vars.map((v) => `<td>${cell(b[v])}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
    $("query-status").textContent = `${rows.length} 行 rows · ${seconds} s`;
  }
}

function cell(term) {
  if (!term) return "";
  if (term.type === "uri" && term.value.includes("/id/")) return entityLink(term.value, term.value.split("/").pop());
  return esc(term.value);
}

async function downloadCSV() {
  const response = await fetch("/sparql", {
    method: "POST", body: new URLSearchParams({ query: $("sparql").value }), headers: { Accept: "text/csv" },
  });
  const blob = new Blob([await response.arrayBuffer()], { type: "text/csv" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "unionkg-query.csv";
  link.click();
}

$("run").addEventListener("click", runQuery);
$("csv").addEventListener("click", downloadCSV);

// ---------------------------------------------------------------- routes: #/ #/entity/IRI #/article/IRI #/query
function route() {
  const [, view, arg] = location.hash.match(/^#\/([a-z]*)\/?(.*)$/) || [];
  if (view === "entity" && arg) showEntity(decodeURIComponent(arg));
  else if (view === "article" && arg) showArticle(decodeURIComponent(arg));
  else if (view === "query") { show("query-view"); loadExamples(); }
  else { show("search-view"); $("search").focus(); }
}
window.addEventListener("hashchange", route);
route();
