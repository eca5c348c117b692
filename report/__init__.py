from . import supervision_ledger_report
from . import supervision_interview_report
