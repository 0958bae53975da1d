import subprocess
import sys


def test_importing_the_engine_never_imports_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, reader.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('reader.core.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
