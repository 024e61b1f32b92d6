"""Coding at scale: batches into a store (failures recorded, nothing stops the batch), fusion over a store,
Dask scale-out, and feed polling for ``watch``. May import the core, the coder and the store.
"""
