"""billing — being built; see DESIGN.md's table of domains.

The public face: other domains, products and apps use only what is imported here.
"""

from motorpool.domains.billing.handlers import HANDLERS
from motorpool.domains.billing.routes import router

__all__ = ["HANDLERS", "router"]
