// Two tiny criterion benchmarks; the environment variable VARIANT=1 makes "fib 15" slower.
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn benches(c: &mut Criterion) {
    let extra: u64 = std::env::var("VARIANT").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    c.bench_function("fib 15", |b| b.iter(|| fib(black_box(15 + extra))));
    c.bench_function("sum", |b| b.iter(|| (0..black_box(1000u64)).sum::<u64>()));
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_millis(200))
        .measurement_time(std::time::Duration::from_millis(500));
    targets = benches
}
criterion_main!(group);
