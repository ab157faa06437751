"""How well a given text explains a line image, from a CTC recogniser's per-frame output.

A CTC recogniser (PP-OCR's, for one) emits, for every horizontal frame of the line, a
probability over its characters plus a *blank*. Reading it greedily (the best character
of every frame, repeats merged, blanks dropped) gives the engine's own reading. The same
output also says how likely any other text is: the sum over every frame alignment that
spells it (the CTC forward algorithm). Comparing that with the likelihood of the engine's
own reading asks the recogniser "could this be 张磊?" instead of "what is this?", which
is how a lexicon helps handwriting: a fast signature read as one character can still be
plainly its writer's name, and a visitor's name in a member's row is plainly not theirs.

:func:`fits` is that comparison: ``log P(text) - log P(own reading)`` (natural log). About
0 or above: the text explains the writing as well as the engine's own reading does; each
character the writing does not hold costs roughly 10 or more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

BLANK = 0  # the blank's index in PP-OCR's character list
FLOOR = 1e-12  # probabilities are clipped here before the log
UNSPELLABLE = float("-inf")  # a text holding a character the recogniser does not know


def best_path(probs: np.ndarray, characters: Sequence[str]) -> str:
    """The greedy reading: each frame's best index, repeats merged, blanks dropped."""
    out: list[str] = []
    last = -1
    for index in probs.argmax(axis=1).tolist():
        if index != last and index != BLANK:
            out.append(characters[index])
        last = index
    return "".join(out)


def log_likelihood(probs: np.ndarray, labels: Sequence[int]) -> float:
    """log P(labels | frames) summed over every CTC alignment (the forward algorithm).
    ``probs``: frames x characters, each row a distribution; ``labels``: character
    indices, never the blank. The empty text is every frame blank."""
    logp = np.log(np.maximum(probs, FLOOR))
    if not labels:
        return float(logp[:, BLANK].sum())
    extended = [BLANK]
    for label in labels:
        extended += [label, BLANK]
    states = len(extended)
    frames = logp.shape[0]
    if frames < len(labels):
        return UNSPELLABLE
    ext = np.asarray(extended)
    # a state may skip the blank before it when its label differs from the one two back
    skip = np.zeros(states, bool)
    skip[2:] = (ext[2:] != BLANK) & (ext[2:] != ext[:-2])
    alpha = np.full(states, -np.inf)
    alpha[0] = logp[0, BLANK]
    alpha[1] = logp[0, extended[1]]
    for t in range(1, frames):
        stay = alpha
        step = np.concatenate(([-np.inf], alpha[:-1]))
        jump = np.where(skip, np.concatenate(([-np.inf, -np.inf], alpha[:-2])), -np.inf)
        alpha = np.logaddexp(np.logaddexp(stay, step), jump) + logp[t, ext]
    return float(np.logaddexp(alpha[-1], alpha[-2]))


def fits(
    probs: np.ndarray, index: Mapping[str, int], characters: Sequence[str], texts: Sequence[str]
) -> list[float]:
    """``log P(text) - log P(own reading)`` for each text: how much less likely it is than what
    the recogniser reads by itself (about 0: as likely; ``UNSPELLABLE``: a character it lacks).
    The own reading's likelihood is worked out once for all of them."""
    own = log_likelihood(probs, [index[ch] for ch in best_path(probs, characters)])
    out = []
    for text in texts:
        labels = [index.get(ch) for ch in text]
        if any(label is None or label == BLANK for label in labels):
            out.append(UNSPELLABLE)
        else:
            out.append(log_likelihood(probs, [label for label in labels if label is not None]) - own)
    return out


def fit(probs: np.ndarray, index: Mapping[str, int], characters: Sequence[str], text: str) -> float:
    """:func:`fits` for one text."""
    return fits(probs, index, characters, [text])[0]
