# Dockerfile builds gilscope into a minimal image: a static binary on
# distroless, running as the nonroot user, listening on 8080, with a
# writable /data for the database of shared links.

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so editing code does not re-download them.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /gilscope .
# An empty data directory, owned by distroless's nonroot user (65532).
RUN mkdir -p /data && chown 65532:65532 /data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /gilscope /gilscope
COPY --from=build --chown=65532:65532 /data /data
VOLUME /data
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/gilscope"]
CMD ["serve", "-addr", ":8080", "-data", "/data"]
