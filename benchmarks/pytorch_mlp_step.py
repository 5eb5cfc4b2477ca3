"""PyTorch's time per training step of MlpTrainingStepBenchmark's network, the yardstick of the
compiled MLP: a 784-128-10 relu classifier, softmax cross-entropy from logits, batch 64 of
random images in [0, 1), one SGD step, on one thread, in float64 and in float32.

Prints one line per dtype, "pytorch <dtype> <median ms per step> <min> <max>", the median,
fastest and slowest of --repeats timings of --steps steps each after --warmup steps. Exits with
status 3 and a note when PyTorch is absent (Debian: apt-get install python3-torch
libopenblas0-pthread; with only the reference BLAS its dense steps are an order of magnitude
slower and no yardstick).
"""

import argparse
import statistics
import sys
import time

try:
    import torch
except ImportError:
    print("pytorch absent: skipped (apt-get install python3-torch libopenblas0-pthread)")
    sys.exit(3)


def step_times(dtype, warmup, steps, repeats):
    torch.manual_seed(4)
    images = torch.rand(64, 784, dtype=dtype)
    labels = torch.randint(0, 10, (64,))
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)).to(dtype)
    # The benchmark's rate: the parameters stay near their start over many steps.
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-4)

    def step():
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(images), labels)
        loss.backward()
        optimizer.step()
        return loss

    for _ in range(warmup):
        step()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(steps):
            step()
        times.append((time.perf_counter() - start) / steps * 1e3)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    for name, dtype in (("float64", torch.float64), ("float32", torch.float32)):
        times = step_times(dtype, args.warmup, args.steps, args.repeats)
        print(f"pytorch {name} {statistics.median(times):.4f} {min(times):.4f} {max(times):.4f}")
    print(f"# torch {torch.__version__}, threads {torch.get_num_threads()}, blas {loaded_blas()}")


def loaded_blas():
    """The BLAS library this process loaded (Debian's torch links libblas.so.3, an alternative)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower()}
        return ", ".join(sorted(paths)) or "none found"
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
