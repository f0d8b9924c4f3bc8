import json
import logging

from veikart.core.logging import JsonFormatter


def test_json_lines_carry_level_logger_message_and_extras():
    record = logging.LogRecord(
        "veikart.inputs", logging.WARNING, __file__, 1, "import %s", ("x",), None
    )
    record.job_id = 42
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "WARNING" and entry["logger"] == "veikart.inputs"
    assert entry["message"] == "import x" and entry["job_id"] == 42
    assert "T" in entry["time"]


def test_exceptions_are_one_line_of_json():
    try:
        raise ValueError("æøå")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = JsonFormatter().format(record)
    assert "\n" not in line and "ValueError" in json.loads(line)["exception"]
