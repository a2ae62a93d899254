"""Colour arithmetic, written out so a test can check the palettes (ui/palette.py):
sRGB <-> linear RGB <-> CIE Lab (D65), CIEDE2000 colour difference, colour-vision
deficiency simulated with the matrices of Machado, Oliveira & Fernandes (2009, severity
1.0, applied to linear RGB, as colorspacious does), and WCAG 2 contrast ratio."""
from __future__ import annotations

import math
import re

import numpy as np

# Machado et al. 2009, severity 1.0 (linear RGB)
CVD = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                 [0.2126729, 0.7151522, 0.0721750],
                 [0.0193339, 0.1191920, 0.9503041]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def rgb(colour: str) -> np.ndarray:
    """"#rrggbb" or "rgb(r, g, b)" -> sRGB in 0..1."""
    if colour.startswith("rgb"):
        return np.array([float(v) for v in re.findall(r"[\d.]+", colour)[:3]]) / 255
    h = colour.lstrip("#")
    return np.array([int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)])


def linear(srgb: np.ndarray) -> np.ndarray:
    srgb = np.asarray(srgb, float)
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def gamma(lin: np.ndarray) -> np.ndarray:
    lin = np.clip(np.asarray(lin, float), 0, 1)
    return np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)


def simulate(hex_colour: str, deficiency: str | None) -> np.ndarray:
    """sRGB (0..1) of a colour as seen with a deficiency (None: as it is)."""
    if deficiency is None:
        return rgb(hex_colour)
    return gamma(CVD[deficiency] @ linear(rgb(hex_colour)))


def lab(srgb: np.ndarray) -> np.ndarray:
    xyz = _XYZ @ linear(srgb) / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ciede2000(lab1, lab2) -> float:
    """CIEDE2000 difference of two Lab colours (kL = kC = kH = 1)."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = L2 - L1, c2p - c1p
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, c_barp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    tt = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
          + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_barp, 1 + 0.015 * c_barp * tt
    r_t = (-2 * math.sqrt(c_barp ** 7 / (c_barp ** 7 + 25 ** 7))
           * math.sin(math.radians(60 * math.exp(-(((h_bar - 275) / 25) ** 2)))))
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (dH / s_h) ** 2 + r_t * (dc / s_c) * (dH / s_h))


def delta_e(c1: str, c2: str, deficiency: str | None = None) -> float:
    """CIEDE2000 between two "#rrggbb" colours as seen with `deficiency` (None: normal vision)."""
    return ciede2000(lab(simulate(c1, deficiency)), lab(simulate(c2, deficiency)))


def luminance(hex_colour: str) -> float:
    return float(np.array([0.2126, 0.7152, 0.0722]) @ linear(rgb(hex_colour)))


def contrast(c1: str, c2: str) -> float:
    """WCAG 2 contrast ratio, 1..21."""
    hi, lo = sorted((luminance(c1), luminance(c2)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_on(fill: str, dark: str = "#000000", light: str = "#ffffff") -> str:
    """The text colour (dark or light) with the higher contrast on `fill`."""
    return dark if contrast(fill, dark) >= contrast(fill, light) else light
