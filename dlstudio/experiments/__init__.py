"""Experiments: fixed, seeded setups that test the curriculum's claims on the real engine.

An experiment is data (a JSON file, see docs/experiments.md): the data set, the runs (networks
and training settings), the measure that runs each (run, seed), the figures to gather over
seeds and the rules that turn them into a verdict. No Qt here.

`run_experiment` sends events to `on_event(dict)`:
  {"event": "progress", "done", "total", "run", "seed", "text"}   before and after each unit
  {"event": "series", "run", "seed", "name", "x", "y"}            a curve so far (throttled)
  {"event": "done", "result"}                                      at the end
"""
from .format import (Experiment, ExperimentError, Run, builtin_names, experiment_from_dict, load_experiment,
                     message_of)
from .measures import MEASURES
from .runner import load_data, network_for, run_experiment
from .verdict import RuleError

__all__ = ["Experiment", "ExperimentError", "MEASURES", "RuleError", "Run", "builtin_names",
           "experiment_from_dict", "load_data", "load_experiment", "message_of", "network_for", "run_experiment"]
