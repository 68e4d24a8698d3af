import { Select, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { ActionForm } from './ActionForm';

type Option = { value: string; label: string };

/** What the step is given: the chosen option and the trimmed text ('' when there is none). */
export interface Choice {
  choice: string;
  text: string;
}

interface Props {
  id: string;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  submitIcon?: ReactNode;
  danger?: boolean;
  /** Why the action cannot be taken now: said instead of the form. */
  unavailable?: ReactNode;
  /** The step's mutation: its field errors show under the inputs. */
  step: {
    error: unknown;
    isPending: boolean;
    mutate: (vars: Choice, options?: { onSuccess?: () => void }) => void;
  };
  /** Empty the fields after a success (the form stays on the page). */
  resetOnSuccess?: boolean;
  select: {
    /** The body field the server names in a 400, e.g. 'userId'. */
    field: string;
    label: string;
    placeholder: string;
    options: Option[];
    /** Said when nothing is chosen. */
    missing: string;
    initial?: string | null;
    searchable?: boolean;
    /** A line under the select about the chosen option. */
    describe?: (choice: string | null) => ReactNode;
    maw?: number;
  };
  /** A text beside the choice, required always or for some choices. */
  text?: {
    field: string;
    label: string;
    description: (choice: string | null) => ReactNode;
    required: (choice: string | null) => boolean;
    /** Said when it is required and empty. */
    missing: (choice: string | null) => string;
    maxLength: number;
  };
}

/** One referral step as a choice (a person, a reason, a status), an optional text and a submit button. */
export function ChoiceForm({ step, resetOnSuccess, select, text, ...section }: Props) {
  const [choice, setChoice] = useState<string | null>(select.initial ?? null);
  const [words, setWords] = useState('');
  const [problems, setProblems] = useState<{ choice?: string; text?: string }>({});
  const err = fieldErrorGetter(step.error);
  const textRequired = text?.required(choice) ?? false;

  const submit = () => {
    const found = {
      ...(choice ? {} : { choice: select.missing }),
      ...(text && textRequired && !words.trim() ? { text: text.missing(choice) } : {}),
    };
    setProblems(found);
    if (!choice || found.text) return;
    step.mutate(
      { choice, text: words.trim() },
      {
        onSuccess: () => {
          if (!resetOnSuccess) return;
          setChoice(select.initial ?? null);
          setWords('');
        },
      },
    );
  };

  return (
    <ActionForm {...section} step={step} fields={text ? [select.field, text.field] : [select.field]} onSubmit={submit}>
      <Select
        label={select.label}
        data={select.options}
        placeholder={select.placeholder}
        required
        searchable={select.searchable}
        value={choice}
        onChange={(v) => {
          setChoice(v);
          setProblems({});
        }}
        description={select.describe?.(choice)}
        error={problems.choice ?? err(select.field)}
        maw={select.maw ?? 400}
      />
      {text && (
        <Textarea
          label={text.label}
          description={text.description(choice)}
          required={textRequired}
          autosize
          minRows={2}
          maxLength={text.maxLength}
          value={words}
          onChange={(e) => {
            setWords(e.currentTarget.value);
            setProblems(({ text: _, ...rest }) => rest);
          }}
          error={problems.text ?? err(text.field)}
        />
      )}
    </ActionForm>
  );
}
