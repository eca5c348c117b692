from . import supervision_unit
from . import res_users
from . import supervision_item
from . import supervision_progress
from . import supervision_urge
from . import supervision_extension
from . import supervision_review
from . import supervision_interview
