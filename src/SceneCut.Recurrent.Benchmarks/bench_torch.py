#!/usr/bin/env python3
"""PyTorch CPU reference for the SceneCut recurrent benchmark: same shapes, same step definitions.

Training step = zero_grad + forward + backward(dY) + Adam step; inference = forward under no_grad.
Run with Debian's python3-torch; install libopenblas0-pthread first, or torch falls back to the
reference BLAS and is several times slower. Prints one JSON object per cell type.
"""
import argparse
import json
import statistics
import time

import torch


def measure(fn, warmup, iterations):
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(iterations):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--steps", type=int, default=256)
    parser.add_argument("--input", type=int, default=512)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--cells", default="lstm,gru")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    for cell in args.cells.split(","):
        module = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell]
        net = module(args.input, args.hidden, num_layers=args.layers, bidirectional=True, batch_first=True)
        optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
        x = torch.randn(args.batch, args.steps, args.input)
        dy = torch.randn(args.batch, args.steps, 2 * args.hidden)

        def train_step():
            optimizer.zero_grad()
            y, _ = net(x)
            y.backward(dy)
            optimizer.step()

        def inference():
            with torch.no_grad():
                net(x)

        train = measure(train_step, args.warmup, args.iterations)
        infer = measure(inference, args.warmup, args.iterations)
        print(json.dumps({
            "cell": cell,
            "torch": torch.__version__,
            "threads": torch.get_num_threads(),
            "train_seconds": train[0],
            "train_cpu_seconds": train[1],
            "inference_seconds": infer[0],
            "inference_cpu_seconds": infer[1],
        }), flush=True)


if __name__ == "__main__":
    main()
