module example.com/stagecraft/go-static

go 1.19
