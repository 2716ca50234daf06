"""The kernel every domain uses. It imports no domain, product, app or edge."""
