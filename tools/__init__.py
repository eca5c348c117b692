from . import ledger
