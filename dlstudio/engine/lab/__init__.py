"""The numbers the Lab shows, computed by the engine's own layers, kernels, losses, optimizers,
model and trainer (so what a learner sees is exactly what trains their networks). No Qt.

One module per Lab page: activations, losses, playground, conv_steps, train_step, lstm_cell,
regions. Each returns plain numpy arrays and dataclasses; the views in gui/lab only draw them.
"""
