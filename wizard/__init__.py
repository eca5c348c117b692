from . import supervision_return_wizard
from . import supervision_cancel_wizard
from . import supervision_urge_wizard
from . import supervision_decision_wizard
