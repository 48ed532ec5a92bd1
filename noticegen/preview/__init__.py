"""The live preview behind `noticegen serve`: its pages, rebuilds, HTTP server and file watcher."""
