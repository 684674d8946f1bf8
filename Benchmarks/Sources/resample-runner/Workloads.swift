// Workloads.swift: the peer workloads W1-W6 (perf-baseline.md), each as the library user would
// write it. Names match peers/peers.py and peers/peers.R.
import Resample

func allWorkloads() -> [Workload] { [] }
