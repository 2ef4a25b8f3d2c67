# triptych as a container image, for the Kubernetes Indexed Job in the
# README: a static binary (CGO_ENABLED=0: fonts are embedded, nothing is
# loaded at run time) on distroless/static, run as a non-root user.
#
#   make image                      # docker build -t triptych:$(VERSION) .
#   docker run --rm -v "$PWD/articles:/articles:ro" -v "$PWD/dist:/dist" \
#     triptych:0.1.0 build /articles -o /dist

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# -trimpath keeps the build machine's paths out of the binary.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/triptych ./cmd/triptych

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/triptych /usr/local/bin/triptych
# nonroot is uid 65532; the output volume must be writable by it (in
# Kubernetes: securityContext.fsGroup: 65532).
USER nonroot:nonroot
WORKDIR /work
ENTRYPOINT ["triptych"]
CMD ["--help"]
