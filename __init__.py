# models first: tools/ledger.py reads the state sets and groups of models/
from . import models
from . import controllers
from . import report
from . import tools
from . import wizard
