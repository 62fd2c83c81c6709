#!/usr/bin/env python3
"""im2rec-style OpenCV pipeline, for comparison with `detector bench prepare` (not run by the tests).

Per image, what MXNet's im2rec does without labels or RecordIO: cv2.imread (full decode), an INTER_LINEAR resize so the
longer side is --size, cv2.imencode JPEG at --quality. --workers processes, one OpenCV thread each (im2rec's
--num-thread model). Prints one JSON line: images, seconds, imagesPerSecond, cpuSeconds, workers.

Needs Debian's OpenCV: apt-get install -y python3-opencv, then run it with /usr/bin/python3.
  /usr/bin/python3 bench/opencv_im2rec.py --source ../shared/datasets/aquarium --repeat 3
"""
import argparse
import json
import multiprocessing
import os
import sys
import time

import cv2


def _init_worker():
    # One image per process at a time, like im2rec: OpenCV's own threads would compete for the same cores.
    cv2.setNumThreads(1)


def _process(job):
    path, size, quality = job
    cpu_start = time.process_time()
    image = cv2.imread(path, cv2.IMREAD_COLOR)
    if image is None:
        return 0, time.process_time() - cpu_start
    height, width = image.shape[:2]
    scale = min(size / width, size / height)
    resized = cv2.resize(image, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_LINEAR)
    ok, encoded = cv2.imencode(".jpg", resized, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return (len(encoded) if ok else 0), time.process_time() - cpu_start


def _images(source):
    extensions = (".jpg", ".jpeg", ".png", ".bmp")
    found = []
    for root, _, names in os.walk(source):
        found.extend(os.path.join(root, n) for n in names if n.lower().endswith(extensions))
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="folder of images (searched recursively)")
    parser.add_argument("--repeat", type=int, default=1, help="process every image N times")
    parser.add_argument("--size", type=int, default=512, help="longer side after the resize")
    parser.add_argument("--quality", type=int, default=95, help="JPEG quality (im2rec's default is 95)")
    parser.add_argument("--workers", type=int, default=os.cpu_count(), help="worker processes (default: all cores)")
    args = parser.parse_args()

    paths = _images(args.source)
    if not paths:
        sys.exit(f"opencv_im2rec: no images under {args.source}")
    jobs = [(p, args.size, args.quality) for p in paths] * args.repeat
    # Workers start (and import cv2) before the clock does, as a long im2rec run amortises that.
    with multiprocessing.Pool(args.workers, initializer=_init_worker) as pool:
        pool.map(_init_worker_noop, range(args.workers))
        start = time.perf_counter()
        results = list(pool.imap_unordered(_process, jobs, chunksize=8))
        seconds = time.perf_counter() - start
    encoded = sum(r[0] for r in results)
    # CPU seconds spent in the workers on the images themselves (the pool's IPC is not counted).
    cpu = sum(r[1] for r in results)
    print(json.dumps({
        "pipeline": "opencv-im2rec", "opencv": cv2.__version__, "images": len(jobs), "seconds": round(seconds, 3),
        "imagesPerSecond": round(len(jobs) / seconds, 1), "cpuSeconds": round(cpu, 3),
        "outputMegabytes": round(encoded / 1048576, 1), "workers": args.workers, "size": args.size,
    }))


def _init_worker_noop(_):
    return 0


if __name__ == "__main__":
    main()
