import sys

from kg.interfaces.cli import main

sys.exit(main())
