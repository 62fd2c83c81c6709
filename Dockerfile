# syntax=docker/dockerfile:1
# One image for the operator (`detector run`) and its dataset Jobs (`detector prepare`).
# Build: docker build -t detector:dev .
# detector.xml (the XML docs) ships in the image: `detector crds` reads the CRD descriptions from it.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first: the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY operator/Detector.Operator/Detector.Operator.csproj operator/Detector.Operator/
COPY operator/Detector.Preprocessing/Detector.Preprocessing.csproj operator/Detector.Preprocessing/
RUN dotnet restore operator/Detector.Operator/Detector.Operator.csproj
COPY operator/ operator/
RUN dotnet publish operator/Detector.Operator/Detector.Operator.csproj \
      --configuration Release --no-restore --output /app \
      -p:UseAppHost=true -p:DebugType=none

# libjpeg-turbo's TurboJPEG library, for the fast JPEG path of `detector prepare` (without it JPEG falls back to
# ImageSharp, about 3x slower). The chiseled runtime has no package manager, so take the shared object from Debian's
# libturbojpeg0 (the package the dev machines and CI use) and put it beside the app, where the loader looks first
# (TurboJpegLibrary). It links only libc, and glibc runs binaries built for older releases (bookworm 2.36 < noble 2.39).
FROM debian:bookworm-slim AS turbojpeg
RUN apt-get update && apt-get install -y --no-install-recommends libturbojpeg0 \
 && mkdir /out && cp -L /usr/lib/*-linux-gnu/libturbojpeg.so.0 /out/ \
 && cp /usr/share/doc/libturbojpeg0/copyright /out/libturbojpeg.copyright

# Chiseled: no shell, no package manager, only what .NET and ASP.NET Core (Kestrel for /metrics) need.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=turbojpeg /out/ ./
# The same non-root uid the chart and the dataset Jobs run as.
USER 65532:65532
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
EXPOSE 8080
ENTRYPOINT ["/app/detector"]
CMD ["run"]
