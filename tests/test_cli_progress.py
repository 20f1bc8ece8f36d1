"""The progress bar of long commands: drawn on a terminal only, never into a pipe."""

from __future__ import annotations

import io

from claimtrack.cli.progress import terminal_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_the_output_is_not_a_terminal():
    assert terminal_progress("importing", io.StringIO()) is None


def test_the_bar_fills_and_ends_its_line():
    out = Terminal()
    show = terminal_progress("sources", out)
    show(0, 4)
    show(4, 4)
    text = out.getvalue()
    assert "sources [" in text and "] 0/4" in text and text.endswith("] 4/4\n")
    assert "#" * 30 in text


def test_an_unknown_total_counts_up():
    out = Terminal()
    terminal_progress("claims", out)(7, None)
    assert out.getvalue() == "\rclaims 7"
