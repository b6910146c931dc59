"""Quick rebuilds under `mkdocs serve --dirty`: only the pages an edit reaches are drawn again."""
