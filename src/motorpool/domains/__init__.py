"""The shared domains. Each package's ``__init__`` is its only public face."""
