// Tiny Go benchmarks; the build tag "slow" (the "new" build) makes BenchmarkFib and
// BenchmarkSum about twice as slow (BenchmarkSum's MB/s halves) and doubles BenchmarkAlloc's B/op.
package benchdiff

import "testing"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

var sink int
var sinkBytes []byte

func BenchmarkFib(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = fib(fibN)
	}
}

func BenchmarkSum(b *testing.B) {
	xs := make([]byte, 4096)
	b.SetBytes(int64(len(xs)))
	for i := 0; i < b.N; i++ {
		s := 0
		for r := 0; r < repeat; r++ {
			for _, x := range xs {
				s += int(x)
			}
		}
		sink = s
	}
}

func BenchmarkAlloc(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkBytes = make([]byte, allocSize)
	}
}
