"""Model files (.dls), and later ONNX and code export. No Qt here."""
from .modelfile import (FORMAT, FORMAT_VERSION, ModelBundle, ModelFileError, load_model, read_manifest,
                        save_model)

__all__ = ["FORMAT", "FORMAT_VERSION", "ModelBundle", "ModelFileError", "load_model", "read_manifest",
           "save_model"]
