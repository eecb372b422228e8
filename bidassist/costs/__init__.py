"""Costs: import finance's cost sheets into a validated cost model (lines with a quantity and a
three-point unit cost), with every problem reported at its cell.

Public API: `import_cost_sheet`, `load_costs`, `write_template`, `SheetLimits`, and the model classes.
"""

from bidassist.costs.importer import import_cost_sheet, load_costs
from bidassist.costs.model import CostImport, CostLine, CostModel, CostTotals
from bidassist.costs.template import write_template
from bidassist.costs.workbook import SheetLimits

__all__ = [
    "CostImport",
    "CostLine",
    "CostModel",
    "CostTotals",
    "SheetLimits",
    "import_cost_sheet",
    "load_costs",
    "write_template",
]
