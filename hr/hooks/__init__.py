"""Agent hook handlers (`hr hook claude`). Import-light: they run on every tool call."""
