"""List prices of input tokens, which is what hr saves: tool output is read as input.

The table is dated: prices change, and `hr stats` prints the date with every dollar figure.
"""

from __future__ import annotations

PRICES_DATE = "2025-11-24"
PRICES_SOURCE = "anthropic.com/pricing and openai.com/api/pricing, standard (uncached) input"
DEFAULT_MODEL = "claude-sonnet-4-5"

# API model id -> (display name, USD per million input tokens)
PRICES: dict[str, tuple[str, float]] = {
    "claude-opus-4-5": ("Claude Opus 4.5", 5.00),
    "claude-opus-4-1": ("Claude Opus 4.1", 15.00),
    "claude-opus-4": ("Claude Opus 4", 15.00),
    "claude-sonnet-4-5": ("Claude Sonnet 4.5", 3.00),
    "claude-sonnet-4": ("Claude Sonnet 4", 3.00),
    "claude-haiku-4-5": ("Claude Haiku 4.5", 1.00),
    "claude-3-5-haiku": ("Claude Haiku 3.5", 0.80),
    "gpt-5.1": ("GPT-5.1", 1.25),
    "gpt-5": ("GPT-5", 1.25),
    "gpt-5-mini": ("GPT-5 mini", 0.25),
    "gpt-5-nano": ("GPT-5 nano", 0.05),
}


class UnknownModel(ValueError):
    pass


def price(model: str | None = None, per_mtok: float | None = None) -> dict:
    """The price `hr stats` reports with: a model from the table (dated ids such as
    `claude-sonnet-4-5-20250929` and `-latest` work), or the caller's own price per MTok."""
    if per_mtok is not None:
        return {"model": model or "custom", "name": "your price", "usd_per_mtok": per_mtok, "date": None}
    model = (model or DEFAULT_MODEL).strip().lower()
    found = (model, PRICES[model]) if model in PRICES else _by_prefix(model)
    if found is None:
        raise UnknownModel(f"unknown model {model!r}; known: {', '.join(sorted(PRICES))} (or give --price-per-mtok)")
    model_id, (name, usd) = found
    return {"model": model_id, "name": name, "usd_per_mtok": usd, "date": PRICES_DATE}


def _by_prefix(model: str):
    # the longest id that `model` starts with, followed by a date or `-latest`
    for model_id in sorted(PRICES, key=len, reverse=True):
        rest = model[len(model_id):]
        if model.startswith(model_id) and (rest == "-latest" or rest[:1] == "-" and rest[1:].isdigit()):
            return model_id, PRICES[model_id]
    return None


def usd(tokens: int, p: dict) -> float:
    return round(tokens * p["usd_per_mtok"] / 1e6, 6)
