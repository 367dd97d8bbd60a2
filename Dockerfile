# minutes: the Slack bot, with CPU-only torch. Corpus and index are volumes.
#   docker build -t minutes .
#   docker run --env-file .env -v "$PWD/corpus:/data/corpus" -v minutes-index:/data/index minutes
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HOME=/home/minutes/.cache/huggingface \
    MINUTES_CORPUS_DIR=/data/corpus \
    MINUTES_INDEX_DIR=/data/index \
    MINUTES_ENCODER_CACHE=/app/encoders

WORKDIR /app

# CPU wheel first: left to itself, sentence-transformers would pull the multi-GB CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

COPY pyproject.toml README.md ./
COPY index ./index
COPY bot ./bot
# Then the packaged model's ONNX export (index/onnx_encoder.py): indexing and questions run without torch.
RUN pip install . \
    && python -c "from index.embed import LazyEmbedder, PACKAGED_MODEL; assert LazyEmbedder(PACKAGED_MODEL).ensure_encoder()"

RUN useradd --create-home --uid 10001 minutes \
    && mkdir -p /data/corpus /data/index \
    && chown -R minutes:minutes /data
USER 10001:10001

VOLUME ["/data/corpus", "/data/index"]
EXPOSE 3000

# Index what is in the corpus volume, then serve (Socket Mode if SLACK_APP_TOKEN is set).
ENTRYPOINT ["minutes"]
CMD ["serve"]
