#!/usr/bin/env python3
"""Counts passed and failed test cases from a Bazel build-event JSON file.

Reads each test's test.xml (the last attempt of every shard); a test that
reported no XML, or whose XML has no cases, counts as one case with its
Bazel status. Targets that never ran (failed to build) count as failed.
Prints "PASSED FAILED".
"""
import json
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlparse


def count_xml(path):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return None
    passed = failed = 0
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        else:
            passed += 1
    return (passed, failed) if passed + failed else None


def main(bep_path):
    results = {}  # (label, shard, run) -> (attempt, status, xml path)
    summaries = {}
    with open(bep_path) as f:
        for line in f:
            event = json.loads(line)
            eid = event.get("id", {})
            if "testResult" in eid and "testResult" in event:
                key = eid["testResult"]
                attempt = key.get("attempt", 1)
                slot = (key["label"], key.get("shard", 0), key.get("run", 1))
                xml = None
                for out in event["testResult"].get("testActionOutput", []):
                    if out.get("name") == "test.xml":
                        xml = unquote(urlparse(out["uri"]).path)
                status = event["testResult"].get("status", "FAILED")
                if slot not in results or results[slot][0] <= attempt:
                    results[slot] = (attempt, status, xml)
            elif "testSummary" in eid and "testSummary" in event:
                summaries[eid["testSummary"]["label"]] = event["testSummary"].get("overallStatus")
            elif "targetCompleted" in eid and event.get("aborted"):
                summaries.setdefault(eid["targetCompleted"]["label"], "FAILED_TO_BUILD")

    passed = failed = 0
    ran = set()
    for (label, _, _), (_, status, xml) in results.items():
        ran.add(label)
        counts = count_xml(xml) if xml else None
        if counts is None:
            counts = (1, 0) if status == "PASSED" else (0, 1)
        elif status != "PASSED" and counts[1] == 0:
            counts = (counts[0], 1)  # crashed or timed out after its cases passed
        passed += counts[0]
        failed += counts[1]
    for label, status in summaries.items():
        if label not in ran and status not in ("PASSED", "NO_STATUS"):
            failed += 1
    print(passed, failed)


if __name__ == "__main__":
    main(sys.argv[1])
