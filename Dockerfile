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

# SkiaSharp's native library (pictures: `detector predict -o`, the prepare preview, charts) links libfontconfig.so.1,
# which the chiseled runtime lacks. Take it and what it links from Debian's packages, as for TurboJPEG; fonts are not
# needed (the app embeds its own, docs/monitoring.md), only the loader must find the library.
FROM debian:bookworm-slim AS fontconfig
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 \
 && mkdir /out && for lib in libfontconfig.so.1 libfreetype.so.6 libexpat.so.1 libpng16.so.16 libbrotlidec.so.1 \
      libbrotlicommon.so.1 libbz2.so.1.0 libz.so.1; do cp -L /usr/lib/*-linux-gnu/$lib /out/ 2>/dev/null \
      || cp -L /lib/*-linux-gnu/$lib /out/; done \
 && cp /usr/share/doc/libfontconfig1/copyright /out/libfontconfig.copyright

# Chiseled: no shell, no package manager, only what the .NET runtime needs (no ASP.NET Core: /metrics, /healthz and
# /readyz are served by the operator's own small HTTP server, Hosting/HealthServer).
FROM mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=turbojpeg /out/ ./
COPY --from=fontconfig /out/ ./
# The same non-root uid the chart and the dataset Jobs run as.
USER 65532:65532
# LD_LIBRARY_PATH: libSkiaSharp.so's own dependency (libfontconfig.so.1 and what it links) is looked up by the
# dynamic loader, which does not search the app folder the way .NET's native library probing does.
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    LD_LIBRARY_PATH=/app
EXPOSE 8080
ENTRYPOINT ["/app/detector"]
CMD ["run"]
