from . import supervision_ledger_report
