"""The tail-diff that turns repeated "last N lines" answers into exactly the new text."""
from minimind_sdk.tail import MAX_LINES, TailFollower


class GrowingLog:
    """A log file as the server sees it, answering ``GET /logs?lines=N`` like the contract says."""

    def __init__(self):
        self.text = ""
        self.asked = []

    def write(self, text):
        self.text += text

    def tail(self, lines):
        self.asked.append(lines)
        parts = self.text.split("\n")
        partial = parts.pop()
        complete = [p + "\n" for p in parts]
        every = complete + ([partial] if partial else [])
        return "".join(every[-lines:])


def follow(log):
    return TailFollower(log.tail)


def test_first_poll_delivers_the_whole_short_log():
    log = GrowingLog()
    log.write("one\ntwo\n")
    assert follow(log).poll() == "one\ntwo\n"


def test_later_polls_deliver_only_new_lines():
    log = GrowingLog()
    follower = follow(log)
    log.write("a\n")
    assert follower.poll() == "a\n"
    assert follower.poll() == ""
    log.write("b\nc\n")
    assert follower.poll() == "b\nc\n"


def test_an_unterminated_line_waits_until_it_is_complete_or_the_job_ended():
    log = GrowingLog()
    follower = follow(log)
    log.write("a\nhal")
    assert follower.poll() == "a\n"
    log.write("f\nlast")
    assert follower.poll() == "half\n"
    assert follower.poll(final=True) == "last"


def test_identical_lines_are_counted_not_collapsed_in_a_long_log():
    log = GrowingLog()
    log.write("".join(f"line {i}\n" for i in range(1000)))
    follower = follow(log)
    assert follower.poll().count("\n") == 1000
    log.write("same\nsame\n")
    assert follower.poll() == "same\nsame\n"
    log.write("same\n")
    assert follower.poll() == "same\n"


def test_a_burst_larger_than_the_poll_budget_is_delivered_completely():
    log = GrowingLog()
    log.write("".join(f"old {i}\n" for i in range(500)))
    follower = follow(log)
    follower.poll()
    burst = "".join(f"new {i}\n" for i in range(3000))
    log.write(burst)
    assert follower.poll() == burst
    assert max(log.asked[1:]) > 200  # the budget grew to find the overlap


def test_polls_of_a_long_log_ask_for_a_small_tail_not_the_whole_file():
    log = GrowingLog()
    log.write("".join(f"step {i}\n" for i in range(5000)))
    follower = follow(log)
    follower.poll()
    log.write("step 5000\n")
    assert follower.poll() == "step 5000\n"
    assert log.asked[-1] < 300


def test_more_than_the_server_maximum_still_delivers_the_visible_tail():
    log = GrowingLog()
    log.write("".join(f"old {i}\n" for i in range(300)))
    follower = follow(log)
    follower.poll()
    log.write("".join(f"new {i}\n" for i in range(MAX_LINES + 50)))
    text = follower.poll()
    assert text.count("\n") == MAX_LINES
    assert text.endswith(f"new {MAX_LINES + 49}\n")


def test_empty_log_gives_nothing():
    assert follow(GrowingLog()).poll(final=True) == ""
