"""Run the engine benchmark suite (same as `dlstudio bench`), optionally saving JSON Lines.

    python benchmarks/run.py                 # table
    python benchmarks/run.py --json > out.jsonl
    python benchmarks/run.py --case mlp_train

Install PyTorch CPU alongside (`pip install -e '.[bench]'`) to get the side-by-side ratio.
"""
import sys

from dlstudio.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
