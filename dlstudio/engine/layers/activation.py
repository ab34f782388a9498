"""Activations: Sigmoid, Tanh, ReLU, LeakyReLU, ELU, Softmax (kernels in kernels/activations.py)."""
from __future__ import annotations

import numpy as np

from ..kernels import activations as K
from .base import Layer, engine_layer


class _Elementwise(Layer):
    """Runs flat kernels over the raveled batch; keeps x and y for the backward pass."""
    #: the kernel reads each value before it writes it: it may run in place (forward_inplace)
    inplace = True

    def forward(self, inputs, training):
        x = np.ascontiguousarray(inputs[0])
        y = np.empty_like(x)
        self._x, self._y = x, y
        self._fwd(x.reshape(-1), y.reshape(-1))
        return y

    def forward_inplace(self, x: np.ndarray) -> np.ndarray:
        """Inference only: the activation written over x (C-contiguous, no one else's; only
        where `inplace`)."""
        self._fwd(x.reshape(-1), x.reshape(-1))
        return x

    def backward(self, dout):
        dout = np.ascontiguousarray(dout)
        dx = np.empty_like(dout)
        self._bwd(dout.reshape(-1), dx.reshape(-1))
        return [dx]


@engine_layer("Sigmoid")
class Sigmoid(_Elementwise):
    def _fwd(self, x, y):
        K.sigmoid_forward(x, y)

    def _bwd(self, dy, dx):
        K.sigmoid_backward(self._y.reshape(-1), dy, dx)


@engine_layer("Tanh")
class Tanh(_Elementwise):
    def _fwd(self, x, y):
        np.tanh(x, out=y)

    def _bwd(self, dy, dx):
        K.tanh_backward(self._y.reshape(-1), dy, dx)


@engine_layer("ReLU")
class ReLU(_Elementwise):
    def _fwd(self, x, y):
        K.relu_forward(x, y)

    def _bwd(self, dy, dx):
        K.relu_backward(self._x.reshape(-1), dy, dx)


@engine_layer("LeakyReLU")
class LeakyReLU(_Elementwise):
    def _fwd(self, x, y):
        K.leaky_relu_forward(x, x.dtype.type(self.params["alpha"]), y)

    def _bwd(self, dy, dx):
        K.leaky_relu_backward(self._x.reshape(-1), dy.dtype.type(self.params["alpha"]), dy, dx)


@engine_layer("ELU")
class ELU(_Elementwise):
    def _fwd(self, x, y):
        K.elu_forward(x, x.dtype.type(self.params["alpha"]), y)

    def _bwd(self, dy, dx):
        K.elu_backward(self._x.reshape(-1), self._y.reshape(-1), dy.dtype.type(self.params["alpha"]), dy, dx)


@engine_layer("Softmax")
class Softmax(_Elementwise):
    """Softmax over the last axis."""
    inplace = False

    def _fwd(self, x, y):
        f = self.out_shape[-1]
        K.softmax_forward(x.reshape(-1, f), y.reshape(-1, f))

    def _bwd(self, dy, dx):
        f = self.out_shape[-1]
        K.softmax_backward(self._y.reshape(-1, f), dy.reshape(-1, f), dx.reshape(-1, f))
