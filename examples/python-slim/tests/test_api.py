import json
import threading
import time
import unittest
import urllib.error
import urllib.request

from app.api import make_server, make_slug, slugify
from fnvhash import fnv1a_64


class SlugTest(unittest.TestCase):
    def test_slugify(self):
        self.assertEqual(slugify("Hello, World!"), "hello-world")
        self.assertEqual(slugify("  Crème Brûlée  "), "creme-brulee")
        self.assertEqual(slugify("!!!"), "untitled")

    def test_the_c_extension_matches_the_fnv1a_reference_values(self):
        self.assertEqual(fnv1a_64(b""), 0xCBF29CE484222325)
        self.assertEqual(fnv1a_64(b"a"), 0xAF63DC4C8601EC8C)

    def test_ids_are_stable(self):
        self.assertEqual(make_slug("Hello World"), make_slug("hello-world"))


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = make_server("127.0.0.1", 0, started_at=time.time() - 90)
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def get(self, path):
        with urllib.request.urlopen(self.base + path, timeout=5) as res:
            return res.status, json.load(res)

    def test_healthz(self):
        status, body = self.get("/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "ok")
        self.assertGreaterEqual(body["uptime_s"], 90)

    def test_slug_endpoint(self):
        status, body = self.get("/api/slug?text=Multi%20Stage%20Builds")
        self.assertEqual((status, body["slug"]), (200, "multi-stage-builds"))
        self.assertRegex(body["id"], r"^[0-9a-f]{8}$")

    def test_unknown_path_is_404(self):
        with self.assertRaises(urllib.error.HTTPError) as ctx:
            self.get("/nope")
        self.assertEqual(ctx.exception.code, 404)


if __name__ == "__main__":
    unittest.main()
