"""The graph drawn for people: ``render_html`` writes graph.html (sigma.js, WebGL, every node), ``pyvis_network``
gives a pyvis ``Network`` of a sub-graph for notebooks, ``render_vis_html`` its vis-network page.

See ``kg.viz.page`` and ``kg.viz.vis_page`` for why each exists; the README compares them.
"""

from __future__ import annotations

from kg.viz.dates import human_date
from kg.viz.page import keep_most_connected, page_data, render_html
from kg.viz.vis_page import pyvis_network, render_vis_html

__all__ = ["human_date", "keep_most_connected", "page_data", "pyvis_network", "render_html", "render_vis_html"]
