// Distributions: see Guides/Architecture.md for what this module owns.
