"""The network document, the layer catalogue, shape inference and cost counting (pure Python)."""
from .analysis import Analysis, NetworkError, Problem, analyze
from .catalogue import Cost, LayerType, ShapeError, all_types, get
from .document import DocumentError, Network, Node
from .params import Param, ParamError

__all__ = ["Analysis", "Cost", "DocumentError", "LayerType", "Network", "NetworkError", "Node",
           "Param", "ParamError", "Problem", "ShapeError", "all_types", "analyze", "get"]
