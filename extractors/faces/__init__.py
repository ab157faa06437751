"""Faces in on-site photos: detection (YuNet), embedding (SFace) and comparison.

One module per job: ``models`` loads the two networks (the only place that touches
weight files), ``detect`` finds faces, ``embed`` turns one into a 128-d unit vector,
``compare`` scores and judges, ``enrol`` gates a reference photo.
"""
