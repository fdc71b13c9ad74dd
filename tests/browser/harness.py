"""What every browser test of r2p-serve's page needs: its own database, a server on a free
port, and headless chromium driven by Debian's python3-selenium.

A case that lacks chromium, chromedriver or selenium exits 77 (ctest's SKIP_RETURN_CODE);
scripts/ctest.sh then fails CI, which installs them all (scripts/setup.sh).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback

SKIP_EXIT_CODE = 77
LISTENING = re.compile(r"r2p-serve: listening on (http://\S+)")


class Skip(Exception):
    """A case cannot run here (a browser part is missing)."""


class Failure(AssertionError):
    """A case's expectation did not hold."""


def check(condition, message):
    if not condition:
        raise Failure(message)


def wait_for(what, predicate, timeout=10.0, interval=0.05):
    """Polls predicate until it returns something truthy; fails naming `what` after timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # a DOM that is being redrawn: look again
            last_error = error
        time.sleep(interval)
    detail = f" (last error: {last_error})" if last_error else ""
    raise Failure(f"timed out after {timeout:.0f} s waiting for {what}{detail}")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--case", required=True)
    parser.add_argument("--bin-dir", required=True, help="folder of r2p-index and r2p-serve")
    parser.add_argument("--source-dir", required=True, help="the repository (corpus/, tests/data/)")
    parser.add_argument("--screenshots", required=True, help="folder the screenshots go to")
    return parser.parse_args()


def index_database(arguments, folder):
    """Indexes corpus/ and the browser tests' statement into folder/db; returns its path."""
    db = os.path.join(folder, "db")
    command = [os.path.join(arguments.bin_dir, "r2p-index"), "--db", db, "--quiet",
               os.path.join(arguments.source_dir, "corpus"),
               os.path.join(arguments.source_dir, "tests", "data", "browser")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    check(done.returncode == 0, f"r2p-index failed ({done.returncode}): {done.stderr.strip()}")
    return db


class Server:
    """r2p-serve on a free loopback port, stopped on exit."""

    def __init__(self, arguments, db):
        self.binary = os.path.join(arguments.bin_dir, "r2p-serve")
        self.db = db
        self.process = None
        self.url = None
        self.stderr_lines = []

    def __enter__(self):
        check(os.access(self.binary, os.X_OK), f"{self.binary} is not built")
        self.process = subprocess.Popen(
            [self.binary, "--db", self.db, "--listen", "127.0.0.1:0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        found = threading.Event()

        # Reads stderr to the end so the server never blocks on a full pipe.
        def read_stderr():
            for line in self.process.stderr:
                self.stderr_lines.append(line.rstrip("\n"))
                match = LISTENING.search(line)
                if match and not found.is_set():
                    self.url = match.group(1).rstrip("/")
                    found.set()

        threading.Thread(target=read_stderr, daemon=True).start()
        if not found.wait(15):
            self.__exit__(None, None, None)
            raise Failure("r2p-serve did not say it was listening: " + " | ".join(self.stderr_lines))
        return self

    def __exit__(self, *_):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def find_program(name, *candidates):
    for path in candidates:
        if os.access(path, os.X_OK):
            return path
    return shutil.which(name)


def start_browser(width=1280, height=900):
    """Headless chromium through chromedriver; raises Skip when a part is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise Skip("python3-selenium is not installed (apt install python3-selenium)")
    chromium = find_program("chromium", "/usr/bin/chromium")
    driver_path = find_program("chromedriver", "/usr/bin/chromedriver")
    if not chromium:
        raise Skip("chromium is not installed (apt install chromium)")
    if not driver_path:
        raise Skip("chromedriver is not installed (apt install chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-extensions", "--no-first-run", f"--window-size={width},{height}",
                     "--lang=en-GB"):
        options.add_argument(argument)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # chromium refuses root without it
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(20)
    return driver


def console_errors(driver):
    """The browser console's errors (CSP violations, script errors), favicon misses aside."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]]


def run(cases):
    """Runs the case named by --case with (driver, server url, arguments); exits 0, 1 or 77."""
    arguments = parse_arguments()
    case = cases.get(arguments.case)
    if case is None:
        print(f"unknown case {arguments.case!r} (known: {', '.join(sorted(cases))})")
        sys.exit(2)
    started = time.monotonic()
    driver = None
    failed_shot = os.path.join(arguments.screenshots, f"failed-{arguments.case}.png")
    if os.path.exists(failed_shot):
        os.remove(failed_shot)  # an earlier run's failure, not this one's
    try:
        with tempfile.TemporaryDirectory(prefix="r2p-browser-") as folder:
            db = index_database(arguments, folder)
            driver = start_browser()
            with Server(arguments, db) as server:
                try:
                    case(driver, server.url, arguments)
                    errors = console_errors(driver)
                    check(not errors, "the browser console reported errors: " + " | ".join(errors))
                except Exception:
                    os.makedirs(arguments.screenshots, exist_ok=True)
                    driver.save_screenshot(failed_shot)
                    print(f"screenshot of the failure: {failed_shot}")
                    if server.stderr_lines:
                        print("r2p-serve said: " + " | ".join(server.stderr_lines[-10:]))
                    raise
    except Skip as reason:
        print(f"SKIPPED: browser.{arguments.case}: {reason}")
        sys.exit(SKIP_EXIT_CODE)
    except Failure as failure:
        print(f"FAILED: browser.{arguments.case}: {failure}")
        sys.exit(1)
    except Exception:
        traceback.print_exc()
        sys.exit(1)
    finally:
        if driver is not None:
            driver.quit()
    print(f"passed: browser.{arguments.case} in {time.monotonic() - started:.1f} s")
    sys.exit(0)
