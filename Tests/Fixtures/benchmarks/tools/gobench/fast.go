//go:build !slow

package benchdiff

const fibN = 15
const repeat = 1
const allocSize = 1024
