"""`hr stats`: what hr saved, net of what agents fetched back.

`report` computes totals and breakdowns over ledger rows (plain dicts, so a team store can
supply them too), `prices` is the price table, `tokens` the token estimate's measured error and
exact o200k counting, `text` and `html` render a report.
"""
