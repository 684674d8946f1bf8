// Two tiny Go benchmarks; the build tag "slow" makes BenchmarkFib slower (the "new" build).
package benchdiff

import "testing"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

var sink int

func BenchmarkFib(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = fib(fibN)
	}
}

func BenchmarkSum(b *testing.B) {
	xs := make([]int, 1000)
	for i := 0; i < b.N; i++ {
		s := 0
		for _, x := range xs {
			s += x
		}
		sink = s
	}
}
