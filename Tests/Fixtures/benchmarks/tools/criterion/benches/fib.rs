// Tiny criterion benchmarks for both sets of bench-diff fixtures; VARIANT=1 in the environment
// (the "new" build) makes "fib 15" slower.
// THROUGHPUT=1 (benchmarks/generate.sh): a "throughput/sum" group (Throughput::Bytes) that
// VARIANT=1 makes about twice as slow, so its bytes/s halves.
// THROUGHPUT=0 (benchdiff/generate.sh): a plain "sum" benchmark that VARIANT leaves unchanged.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

/// The environment variable `name` as a number, 0 when unset.
fn env_number(name: &str) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(0)
}

fn benches(c: &mut Criterion) {
    let extra = env_number("VARIANT");
    c.bench_function("fib 15", |b| b.iter(|| fib(black_box(15 + extra))));
    if env_number("THROUGHPUT") == 0 {
        c.bench_function("sum", |b| b.iter(|| (0..black_box(1000u64)).sum::<u64>()));
        return;
    }
    let data: Vec<u8> = (0..4096u32).map(|x| x as u8).collect();
    let mut group = c.benchmark_group("throughput");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.bench_function("sum", |b| {
        b.iter(|| {
            let mut s = 0u64;
            for _ in 0..=extra {
                s = s.wrapping_add(black_box(&data).iter().map(|&x| x as u64).sum::<u64>());
            }
            s
        })
    });
    group.finish();
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_millis(200))
        .measurement_time(std::time::Duration::from_millis(500));
    targets = benches
}
criterion_main!(group);
